/**
* | output |
* | --- |
* | "Edit card: {text}" |
*
* @param {Map_Edit_LabelInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_edit_label: ((inputs: Map_Edit_LabelInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Edit_LabelInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Edit_LabelInputs = {
    text: NonNullable<unknown>;
};
