/**
* | output |
* | --- |
* | "Delete card: {text}" |
*
* @param {Map_Delete_LabelInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_delete_label: ((inputs: Map_Delete_LabelInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Delete_LabelInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Delete_LabelInputs = {
    text: NonNullable<unknown>;
};
