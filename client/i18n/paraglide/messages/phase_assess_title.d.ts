/**
* | output |
* | --- |
* | "Assess" |
*
* @param {Phase_Assess_TitleInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_assess_title: ((inputs?: Phase_Assess_TitleInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Phase_Assess_TitleInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Phase_Assess_TitleInputs = {};
