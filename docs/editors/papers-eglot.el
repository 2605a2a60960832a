;;; papers-eglot.el --- PaperLsp in Emacs through eglot  -*- lexical-binding: t; -*-
(require 'eglot)

(define-derived-mode papers-mode text-mode "Papers"
  "Major mode for .papers reading lists (the language server does the work).")
(add-to-list 'auto-mode-alist '("\\.papers\\'" . papers-mode))

(defvar paperlsp-dll (or (getenv "PAPERLSP_DLL") "/opt/paperlsp/paperlsp.dll")
  "Path to paperlsp.dll.")

(add-to-list 'eglot-server-programs
             `(papers-mode . ("dotnet" ,paperlsp-dll "--stdio"
                              :initializationOptions (:logLevel "information"))))
(add-hook 'papers-mode-hook #'eglot-ensure)
