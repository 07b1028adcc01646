/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Export_Download_ReportInputs */

const en_export_download_report = /** @type {(inputs: Export_Download_ReportInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Download the report`)
};

const de_export_download_report = /** @type {(inputs: Export_Download_ReportInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Bericht herunterladen`)
};

const fr_export_download_report = /** @type {(inputs: Export_Download_ReportInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Télécharger le rapport`)
};

/**
* | output |
* | --- |
* | "Download the report" |
*
* @param {Export_Download_ReportInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const export_download_report = /** @type {((inputs?: Export_Download_ReportInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Export_Download_ReportInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_export_download_report(inputs)
	if (locale === "fr") return fr_export_download_report(inputs)
	return en_export_download_report(inputs)
});