/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Export_Download_RoadmapInputs */

const en_export_download_roadmap = /** @type {(inputs: Export_Download_RoadmapInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Download the roadmap`)
};

const de_export_download_roadmap = /** @type {(inputs: Export_Download_RoadmapInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Roadmap herunterladen`)
};

const fr_export_download_roadmap = /** @type {(inputs: Export_Download_RoadmapInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Télécharger la feuille de route`)
};

/**
* | output |
* | --- |
* | "Download the roadmap" |
*
* @param {Export_Download_RoadmapInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const export_download_roadmap = /** @type {((inputs?: Export_Download_RoadmapInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Export_Download_RoadmapInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_export_download_roadmap(inputs)
	if (locale === "fr") return fr_export_download_roadmap(inputs)
	return en_export_download_roadmap(inputs)
});