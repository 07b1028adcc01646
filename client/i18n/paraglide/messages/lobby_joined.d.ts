/**
* | countPlural | output |
* | --- | --- |
* | "one" | "{count} person has joined" |
* | "other" | "{count} people have joined" |
*
* @param {Lobby_JoinedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const lobby_joined: ((inputs: Lobby_JoinedInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Lobby_JoinedInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Lobby_JoinedInputs = {
    count: NonNullable<unknown>;
};
