import ExcelJS from 'exceljs';
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  wb.eachSheet((ws) => {
    console.log('#', ws.name);
    ws.eachRow((r, i) => console.log(i, JSON.stringify((r.values as unknown[]).slice(1))));
  });
})();
