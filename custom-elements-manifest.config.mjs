// Configuration of `npm run manifest` (@custom-elements-manifest/analyzer), which writes
// custom-elements.json, the file package.json's "customElements" points tools at. Only the
// public modules are analysed; the class doc comment of src/referral-assistant.ts supplies
// events (@fires), parts (@csspart) and CSS properties (@cssprop), and the Lit plugin reads
// attributes from the @property decorators.
export default {
  globs: ['src/referral-assistant.ts', 'src/define.ts', 'src/index.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
