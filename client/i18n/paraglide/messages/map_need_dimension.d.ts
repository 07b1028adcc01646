/**
* | output |
* | --- |
* | "Choose the dimension it belongs to." |
*
* @param {Map_Need_DimensionInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_need_dimension: ((inputs?: Map_Need_DimensionInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Need_DimensionInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Need_DimensionInputs = {};
