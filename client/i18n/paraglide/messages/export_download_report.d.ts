/**
* | output |
* | --- |
* | "Download the report" |
*
* @param {Export_Download_ReportInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const export_download_report: ((inputs?: Export_Download_ReportInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Export_Download_ReportInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Export_Download_ReportInputs = {};
