/**
* | output |
* | --- |
* | "No one else has added a card yet." |
*
* @param {Map_Room_EmptyInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_room_empty: ((inputs?: Map_Room_EmptyInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Room_EmptyInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Room_EmptyInputs = {};
