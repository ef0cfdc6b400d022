"use client";
import { useEffect, useState } from "react";

/** The value, once it has stopped changing for `ms` (search boxes query on a pause, not per key). */
export const useDebouncedValue = <T,>(value: T, ms = 250): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
};
