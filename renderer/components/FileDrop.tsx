import { InboxOutlined } from '@ant-design/icons';
import { Alert, Upload } from 'antd';
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

/** Why the file dropped on a FileDrop was not taken (the reader's Chinese message, one problem per line). */
export function FileRefusal({ message }: { message: string }) {
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 12, whiteSpace: 'pre-line' }}
      title="无法导入"
      description={message}
    />
  );
}
