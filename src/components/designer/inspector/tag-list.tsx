"use client";

import { useState, type KeyboardEvent } from "react";

interface TagListProps {
  id: string;
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
}

/** A list of strings edited as removable chips; Enter or comma adds what was typed. */
export function TagList({ id, label, values, onChange, placeholder = "Type and press Enter" }: TagListProps) {
  const [draft, setDraft] = useState("");
  const add = () => {
    const value = draft.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setDraft("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && draft === "" && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="wf-tags">
      {values.length > 0 && (
        <ul className="wf-tag-list" aria-label={label}>
          {values.map((value) => (
            <li key={value} className="wf-tag">
              <span>{value}</span>
              <button type="button" aria-label={`Remove ${value}`} onClick={() => onChange(values.filter((item) => item !== value))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className="nodrag"
        value={draft}
        placeholder={placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
    </div>
  );
}
