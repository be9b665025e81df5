import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import type { ReactNode } from 'react';

/**
 * The box a user clicks or drops one file on. The file never goes through antd's upload: `onFile` reads it (and says a
 * refusal the import's own way), so a dropped file is never sent anywhere by the component.
 */
export function FileDrop({
  accept,
  disabled,
  onFile,
  text,
  hint,
}: {
  accept: string;
  disabled: boolean;
  onFile: (file: File) => void;
  text: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <Upload.Dragger
      accept={accept}
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(f) => {
        onFile(f);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text}</p>
      {hint ? <p className="ant-upload-hint">{hint}</p> : null}
    </Upload.Dragger>
  );
}
