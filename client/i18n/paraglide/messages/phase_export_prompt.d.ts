/**
* | output |
* | --- |
* | "The roadmap as the room leaves it: the plan, and the record of the board." |
*
* @param {Phase_Export_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_export_prompt: ((inputs?: Phase_Export_PromptInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Phase_Export_PromptInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Phase_Export_PromptInputs = {};
