/**
* | output |
* | --- |
* | "Workshop:" |
*
* @param {App_Workshop_SrInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_workshop_sr: ((inputs?: App_Workshop_SrInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<App_Workshop_SrInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type App_Workshop_SrInputs = {};
