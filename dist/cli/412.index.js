export const id = 412;
export const ids = [412];
export const modules = {

/***/ 3412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4248);
/* harmony import */ var _core_io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7719);
/* harmony import */ var _core_serialize_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8237);




const command = {
    spec: {
        name: 'verify',
        summary: `Check a bundle against its checksums.txt: modified, missing and unlisted files, unsafe paths and escaping links (exit ${_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.VerificationFailed} on findings).`,
        usage: 'aicr verify <bundle-dir> [--format text|json] [--codequality F]',
        positionals: ['bundle-dir'],
        flags: [
            { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'report format', default: 'text', choices: ['text', 'json'] },
            { name: 'codequality', type: 'string', value: '<file>', description: 'also write a GitLab Code Quality report (one issue per problem)' },
        ],
        examples: ['aicr verify bundle', 'aicr verify bundle --format json', 'aicr verify bundle --codequality gl-code-quality-report.json'],
    },
    async run({ flags, positionals }, context) {
        const dir = positionals[0];
        if (dir === undefined || dir === '')
            throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('bundle directory is required: aicr verify <bundle-dir>', { hint: 'pass the directory aicr bundle wrote' });
        const result = (0,_core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__/* .verifyBundle */ .IF)(dir);
        if (typeof flags.codequality === 'string') {
            await (0,_core_io_js__WEBPACK_IMPORTED_MODULE_2__/* .writeLocation */ .rW)((0,_core_io_js__WEBPACK_IMPORTED_MODULE_2__/* .parseLocation */ .zS)(flags.codequality, '--codequality'), (0,_core_serialize_js__WEBPACK_IMPORTED_MODULE_3__/* .toJson */ .aB)((0,_core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__/* .toCodeQuality */ .iv)(result, dir)), { input: '--codequality', format: 'json' });
        }
        if (flags.format === 'json') {
            context.stdout.write((0,_core_serialize_js__WEBPACK_IMPORTED_MODULE_3__/* .toJson */ .aB)(result));
        }
        else if (result.ok) {
            context.stdout.write(`${dir}: all ${result.verified} files match checksums.txt\n`);
        }
        else {
            context.stdout.write((0,_core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatProblems */ .C5)(result));
            context.stdout.write(`\n${dir}: ${result.problems.length} problem(s); ${result.verified} of ${result.listed} listed files match checksums.txt\n`);
        }
        for (const problem of result.problems) {
            const where = (0,_core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__/* .problemLocation */ .fI)(problem);
            const subject = where.path === problem.path ? '' : ` (${problem.path})`;
            context.logger.error(`${problem.kind}${subject}: ${problem.detail}`, { file: `${dir.replace(/\/+$/, '')}/${where.path}`, ...(where.line ? { startLine: where.line } : {}) });
        }
        return result.ok ? _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.Success : _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.VerificationFailed;
    },
};


/***/ })

};
