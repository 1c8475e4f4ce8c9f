// Features the in-host suite covers but the extension does not provide yet. A test listed here is
// skipped WITH its reason (printed in the run summary); delete the line when the feature lands so
// the test has to pass. Nothing else may skip.
'use strict';
module.exports = {};
