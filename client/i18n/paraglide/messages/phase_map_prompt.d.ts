/**
* | output |
* | --- |
* | "Write how we work today, one practice per card, and place it honestly: which dimension, which stage?" |
*
* @param {Phase_Map_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_map_prompt: ((inputs?: Phase_Map_PromptInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Phase_Map_PromptInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Phase_Map_PromptInputs = {};
