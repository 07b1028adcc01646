/**
* | output |
* | --- |
* | "You're in, {name}" |
*
* @param {Lobby_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const lobby_heading: ((inputs: Lobby_HeadingInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Lobby_HeadingInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Lobby_HeadingInputs = {
    name: NonNullable<unknown>;
};
