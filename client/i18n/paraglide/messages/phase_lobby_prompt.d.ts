/**
* | output |
* | --- |
* | "Join on your phone with the code on screen. No account needed." |
*
* @param {Phase_Lobby_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_lobby_prompt: ((inputs?: Phase_Lobby_PromptInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Phase_Lobby_PromptInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Phase_Lobby_PromptInputs = {};
