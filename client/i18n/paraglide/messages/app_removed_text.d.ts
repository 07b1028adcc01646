/**
* | output |
* | --- |
* | "The facilitator removed you from the room. If that was a mistake, ask them and join again." |
*
* @param {App_Removed_TextInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_removed_text: ((inputs?: App_Removed_TextInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<App_Removed_TextInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type App_Removed_TextInputs = {};
