/**
* | output |
* | --- |
* | "Hidden until the facilitator reveals them, so nobody anchors on anyone else." |
*
* @param {Map_Room_HiddenInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_room_hidden: ((inputs?: Map_Room_HiddenInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Room_HiddenInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Room_HiddenInputs = {};
