// Stylesheets the renderer imports for their effect (Vite links them into index.html): antd's prebuilt styles.
declare module 'antd/dist/antd.css';
