/**
* | output |
* | --- |
* | "The room's cards" |
*
* @param {Map_Room_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_room_heading: ((inputs?: Map_Room_HeadingInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Room_HeadingInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Room_HeadingInputs = {};
