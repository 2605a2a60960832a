;; Batch check: open seed.papers, start eglot, wait for diagnostics, print them, quit.
(load (getenv "PAPERS_EGLOT_EL"))
(find-file (car command-line-args-left))
(setq command-line-args-left nil)
;; eglot-ensure waits for the first command loop, which batch mode never runs: start eglot directly.
(unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
(let ((deadline (+ (float-time) 20)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.1)))
(princ (format "mode=%s server=%s diagnostics=%d\n" major-mode
               (and (eglot-current-server) (plist-get (eglot--server-info (eglot-current-server)) :name))
               (length (flymake-diagnostics))))
(dolist (d (flymake-diagnostics))
  (princ (format "%d: %s %s\n" (line-number-at-pos (flymake-diagnostic-beg d))
                 (flymake-diagnostic-type d)
                 (truncate-string-to-width (flymake-diagnostic-text d) 90))))
(kill-emacs 0)
