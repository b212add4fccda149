"use client";

import { useEffect, useState } from "react";

const PLAY_STEP_MS = 800;

type Props = {
  /** The last seq of the run (the scrubber runs over 1..last). */
  last: number;
  value: number;
  onChange: (seq: number) => void;
};

/** Replays a finished run step by step: a slider over the ledger's seq, step back / forward, play / pause. */
export function RunScrubber({ last, value, onChange }: Props) {
  const [playing, setPlaying] = useState(false);
  const atEnd = value >= last;
  // Playing stops by itself at the last step.
  const isPlaying = playing && !atEnd;

  useEffect(() => {
    if (!isPlaying) return;
    const timer = setTimeout(() => onChange(value + 1), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [isPlaying, value, onChange]);

  const play = () => {
    if (isPlaying) return setPlaying(false);
    if (atEnd) onChange(1);
    setPlaying(true);
  };

  return (
    <div className="run-scrubber" role="group" aria-label="Replay">
      <button type="button" className="button secondary small" aria-label="Step back" disabled={value <= 1} onClick={() => onChange(value - 1)}>
        ◀
      </button>
      <button type="button" className="button secondary small" onClick={play} aria-pressed={isPlaying}>
        {isPlaying ? "Pause" : "Play"}
      </button>
      <button type="button" className="button secondary small" aria-label="Step forward" disabled={atEnd} onClick={() => onChange(value + 1)}>
        ▶
      </button>
      <input
        type="range"
        min={1}
        max={last}
        step={1}
        value={value}
        aria-label="Step"
        onChange={(event) => {
          setPlaying(false);
          onChange(Number(event.target.value));
        }}
      />
      <span className="run-scrubber-pos" data-testid="scrubber-position">
        Step {value} of {last}
      </span>
    </div>
  );
}
