/**
* | output |
* | --- |
* | "A room code is six letters or digits, like K7Q2MX." |
*
* @param {Join_Bad_CodeInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_bad_code: ((inputs?: Join_Bad_CodeInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Join_Bad_CodeInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Join_Bad_CodeInputs = {};
