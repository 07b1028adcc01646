/**
* | output |
* | --- |
* | "Prioritise" |
*
* @param {Phase_Prioritise_TitleInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_prioritise_title: ((inputs?: Phase_Prioritise_TitleInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Phase_Prioritise_TitleInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Phase_Prioritise_TitleInputs = {};
