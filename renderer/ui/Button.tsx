import type { ButtonHTMLAttributes } from 'react';

export function Button({ variant = 'secondary', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  return <button className="ui-button" data-variant={variant} type="button" {...props} />;
}
