/** Chart labels cut to fit. */
import { textWidth } from './plot.ts';

/** A label cut to fit `room` SVG units, with an ellipsis; '' when not even two characters fit. */
export function fitText(label: string, room: number): string {
  if (textWidth(label) <= room) return label;
  const chars = [...label];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`) > room) chars.pop();
  return chars.length >= 2 ? `${chars.join('')}…` : '';
}
