/**
* | output |
* | --- |
* | "e.g. Sam from Sales" |
*
* @param {Join_Name_PlaceholderInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_name_placeholder: ((inputs?: Join_Name_PlaceholderInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Join_Name_PlaceholderInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Join_Name_PlaceholderInputs = {};
