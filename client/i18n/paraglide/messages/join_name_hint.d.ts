/**
* | output |
* | --- |
* | "No account. Only this workshop sees it." |
*
* @param {Join_Name_HintInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_name_hint: ((inputs?: Join_Name_HintInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Join_Name_HintInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Join_Name_HintInputs = {};
