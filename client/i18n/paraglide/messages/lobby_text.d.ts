/**
* | output |
* | --- |
* | "Keep this page open. It moves on by itself when the facilitator starts." |
*
* @param {Lobby_TextInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const lobby_text: ((inputs?: Lobby_TextInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Lobby_TextInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Lobby_TextInputs = {};
