/**
* | output |
* | --- |
* | "Join another workshop" |
*
* @param {App_Join_AnotherInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_join_another: ((inputs?: App_Join_AnotherInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<App_Join_AnotherInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type App_Join_AnotherInputs = {};
