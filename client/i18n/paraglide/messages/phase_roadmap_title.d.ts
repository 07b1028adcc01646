/**
* | output |
* | --- |
* | "Roadmap" |
*
* @param {Phase_Roadmap_TitleInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_roadmap_title: ((inputs?: Phase_Roadmap_TitleInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Phase_Roadmap_TitleInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Phase_Roadmap_TitleInputs = {};
