import { Space } from 'antd';
import { useState } from 'react';
import { call } from '../../api/call';
import { BelowTheFold } from '../../components/BelowTheFold';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../hooks';
import { BureauForm } from './BureauForm';
import { DepartmentsPanel } from './DepartmentsPanel';
import { StaffExportButton, StaffImportButton } from './StaffImportButton';
import { StaffPanel } from './StaffPanel';

export function OrgScreen() {
  const departments = useLoad(() => call('departments.list'), []);
  const [version, setVersion] = useState(0);
  // Staff changes move the 人员数 column; an import can add 科室: both panels reload.
  const [departmentsVersion, setDepartmentsVersion] = useState(0);
  const changed = () => {
    void departments.reload();
    setVersion((v) => v + 1);
  };
  const imported = () => {
    changed();
    setDepartmentsVersion((v) => v + 1);
  };
  return (
    <div>
      <PageTitle title="单位与人员">
        本单位的基本信息、科室和人员。被其他记录使用的科室和人员不能删除，可以停用或标为离岗。
      </PageTitle>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <DepartmentsPanel onChanged={changed} version={departmentsVersion} />
        <StaffPanel
          departments={departments.data ?? []}
          version={version}
          onChanged={() => setDepartmentsVersion((v) => v + 1)}
          importButton={
            <Space>
              <StaffExportButton />
              <StaffImportButton onImported={imported} />
            </Space>
          }
        />
        <BelowTheFold>
          <BureauForm />
        </BelowTheFold>
      </Space>
    </div>
  );
}
