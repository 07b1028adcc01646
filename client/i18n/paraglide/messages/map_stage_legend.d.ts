/**
* | output |
* | --- |
* | "Which stage does it show on {dimension}?" |
*
* @param {Map_Stage_LegendInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_stage_legend: ((inputs: Map_Stage_LegendInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Stage_LegendInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Stage_LegendInputs = {
    dimension: NonNullable<unknown>;
};
