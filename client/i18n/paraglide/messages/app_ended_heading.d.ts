/**
* | output |
* | --- |
* | "This workshop has ended" |
*
* @param {App_Ended_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_ended_heading: ((inputs?: App_Ended_HeadingInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<App_Ended_HeadingInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type App_Ended_HeadingInputs = {};
