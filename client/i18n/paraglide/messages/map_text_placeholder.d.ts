/**
* | output |
* | --- |
* | "e.g. Our agency runs our Twitter account" |
*
* @param {Map_Text_PlaceholderInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_text_placeholder: ((inputs?: Map_Text_PlaceholderInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Text_PlaceholderInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Text_PlaceholderInputs = {};
