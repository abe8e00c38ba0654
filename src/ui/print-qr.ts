/**
 * The QR encoder for the print stamp, behind a dynamic import of this file (src/ui/print-stamp.tsx): `qrcode` then
 * lands in a chunk of its own, fetched after the first chart, never in the first load.
 */
export { create } from 'qrcode';
