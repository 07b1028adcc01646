/**
* | output |
* | --- |
* | "For each dimension: where are we now, and where should we be in 12 to 18 months?" |
*
* @param {Phase_Assess_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_assess_prompt: ((inputs?: Phase_Assess_PromptInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Phase_Assess_PromptInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Phase_Assess_PromptInputs = {};
