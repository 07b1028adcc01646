/**
* | output |
* | --- |
* | "Create a workshop" |
*
* @param {Join_CreateInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_create: ((inputs?: Join_CreateInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Join_CreateInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Join_CreateInputs = {};
