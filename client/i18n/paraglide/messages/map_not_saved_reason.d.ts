/**
* | output |
* | --- |
* | "Not saved: {reason}" |
*
* @param {Map_Not_Saved_ReasonInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_not_saved_reason: ((inputs: Map_Not_Saved_ReasonInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Not_Saved_ReasonInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Not_Saved_ReasonInputs = {
    reason: NonNullable<unknown>;
};
