/**
* | output |
* | --- |
* | "Download the roadmap" |
*
* @param {Export_Download_RoadmapInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const export_download_roadmap: ((inputs?: Export_Download_RoadmapInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Export_Download_RoadmapInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Export_Download_RoadmapInputs = {};
