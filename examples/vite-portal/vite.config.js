// Relative asset paths, so the built portal works from any folder.
export default { base: './', build: { target: 'es2022', outDir: 'dist', emptyOutDir: true } };
