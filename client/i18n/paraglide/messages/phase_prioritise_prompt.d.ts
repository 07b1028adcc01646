/**
* | output |
* | --- |
* | "Spend your votes on what to change first. Name what stands in the way as barrier cards." |
*
* @param {Phase_Prioritise_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_prioritise_prompt: ((inputs?: Phase_Prioritise_PromptInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Phase_Prioritise_PromptInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Phase_Prioritise_PromptInputs = {};
