/**
* | output |
* | --- |
* | "The facilitator deleted it. Thank you for taking part." |
*
* @param {App_Ended_TextInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_ended_text: ((inputs?: App_Ended_TextInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<App_Ended_TextInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type App_Ended_TextInputs = {};
