/**
* | output |
* | --- |
* | "Running the session?" |
*
* @param {Join_RunningInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_running: ((inputs?: Join_RunningInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Join_RunningInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Join_RunningInputs = {};
