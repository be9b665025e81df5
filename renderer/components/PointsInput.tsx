import { InputNumber, type InputNumberProps } from 'antd';

/**
 * A number of points (分值, 扣分, 等次分值): steps of 0.5 with the arrows, shown as written (10, 7.5), where a bare
 * InputNumber with step 0.5 shows every whole number with a decimal (10.0, 0.0).
 */
export function PointsInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      step={0.5}
      formatter={(v, info) => {
        if (info.userTyping) return info.input;
        const text = v === undefined ? '' : String(v);
        return text === '' || Number.isNaN(Number(text)) ? text : String(Number(text));
      }}
      {...props}
    />
  );
}
