/**
* | output |
* | --- |
* | "Our migration roadmap: agree owners and how we will know each step worked." |
*
* @param {Phase_Roadmap_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_roadmap_prompt: ((inputs?: Phase_Roadmap_PromptInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Phase_Roadmap_PromptInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Phase_Roadmap_PromptInputs = {};
