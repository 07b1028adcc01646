/**
* | output |
* | --- |
* | "Card added to {dimension}." |
*
* @param {Map_AddedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_added: ((inputs: Map_AddedInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_AddedInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_AddedInputs = {
    dimension: NonNullable<unknown>;
};
